import _tb_methods
_tb_methods.run("5")
