"""Each store's money: the append-only ledger, balances, payouts and their transfer."""
