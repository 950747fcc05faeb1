"""What the demo's commands refuse."""


class CheckoutFailed(Exception):
    """A page of the benchmarked checkout answered otherwise than a buyer's would."""
