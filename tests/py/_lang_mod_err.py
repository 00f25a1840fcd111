# helper: defines exception class, raises at call
class HelperError(Exception):
    pass


def fail(msg):
    raise HelperError(msg)
