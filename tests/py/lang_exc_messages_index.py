def show(fn):
    try:
        print("ok", fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)

lst = [1, 2, 3]
show(lambda: lst[3])
show(lambda: lst[-4])
show(lambda: lst["a"])
show(lambda: lst[1.0])
show(lambda: lst[None])
s = "s"
show(lambda: s[1.5])
tup = (1, 2)
show(lambda: tup["x"])
show(lambda: lst[1:2:0])
def assign():
    lst[10] = 1
show(assign)
def delete():
    del lst[10]
show(delete)
def tup_assign():
    t = (1, 2)
    t[0] = 5
show(tup_assign)
def str_assign():
    s = "abc"
    s[0] = "x"
show(str_assign)
def str_del():
    s = "abc"
    del s[0]
show(str_del)
show(lambda: {1: 2}[1:2])
def ext_slice():
    lst2 = [1, 2, 3, 4]
    lst2[::2] = [9]
show(ext_slice)
show(lambda: lst[10 ** 20])
show(lambda: lst[True])
