-- Receipt polling has its own schedule, apart from next_attempt_at (rebroadcast/replacement),
-- so a few stuck transactions cannot crowd out the receipt checks of all others.
alter table chain_transactions add column next_check_at timestamptz not null default now();
create index chain_transactions_receipt_check_idx on chain_transactions (next_check_at) where status = 'SENT';
