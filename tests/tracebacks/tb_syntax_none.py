x = 1
None = x
