class ConfigError(Exception):
    def __init__(self, key):
        super().__init__("missing key: " + key)
        self.key = key

def get(cfg, key):
    if key not in cfg:
        raise ConfigError(key)
    return cfg[key]

cfg = {"a": 1}
print(get(cfg, "a"))
try:
    get(cfg, "b")
except ConfigError as e:
    print("handled once:", e, e.key)
get(cfg, "zzz")
