"""Multi-step writes of the community app: each checks permission, works inside a transaction,
then announces what happened. Views call these and stay thin."""
