import _tb_positions
_tb_positions.run("5")
