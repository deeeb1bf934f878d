-- No query looks transfers up by transaction (tokens are found by their mint transaction in nft_tokens);
-- with every contract's transfers to write, the index cost each insert for nothing.
drop index nft_transfers_tx_idx;
