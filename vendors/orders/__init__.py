"""The purchase's home: everything that happens to a purchase and its vendor parts.

- `transitions`: the lifecycle as data, the one function every status change passes
  through, and the purchase's status derived from its parts;
- `money`: what a payment's outcome, a refund or cash collected does to the parts
  (the payments app reports outcomes here through PAYMENT_OUTCOME_HANDLER);
- `actions`: what people do to a purchase (cancel a part or a line, change where or how
  it is delivered), each in one transaction;
- `selectors`: a purchase as its buyer and its stores read it (parts, confirmation);
- `notifications`: who hears of a purchase, once, after commit;
- `locks`: the one order in which every writer locks rows.
"""
