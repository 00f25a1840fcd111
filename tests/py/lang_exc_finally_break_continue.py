def brk():
    for i in range(5):
        try:
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done brk"
print(brk())

def cont():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(cont())

def break_swallows():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "exception swallowed by break, i=%d" % i
print(break_swallows())

def continue_in_finally():
    res = []
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            res.append(i)
            continue
    return res
print(continue_in_finally())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("while finally", n)
    return n
print(while_finally())

def return_in_loop_finally():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(return_in_loop_finally())

def nested_loops():
    for i in range(2):
        for j in range(3):
            try:
                if j == 1:
                    break
            finally:
                print("nf", i, j)
nested_loops()
