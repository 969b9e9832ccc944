"""placeholder"""


def stub(signature):
    raise NotImplementedError


def program(signature, source):
    raise NotImplementedError
