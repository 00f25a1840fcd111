import _lang_mod_a

print("__name__ here:", __name__)
print("module __name__:", _lang_mod_a.__name__)


def main():
    print("main called")
    return 0


if __name__ == "__main__":
    print("running as script")
    main()
else:
    print("imported")
