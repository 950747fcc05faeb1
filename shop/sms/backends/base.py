class BaseSmsBackend:
    """Base class of SMS backends: `send_messages` takes `shop.sms.SmsMessage`s and
    returns how many were sent. Raise on a provider failure: the caller retries."""

    def send_messages(self, messages: list) -> int:
        raise NotImplementedError
