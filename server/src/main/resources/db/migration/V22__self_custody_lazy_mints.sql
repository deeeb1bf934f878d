-- A self-custody creator's voucher is stored UNSIGNED until their wallet's signature arrives.
alter table lazy_mints alter column signature drop not null;
alter table lazy_mints drop constraint lazy_mints_state_check;
alter table lazy_mints add constraint lazy_mints_state_check
  check (state in ('UNSIGNED', 'OPEN', 'REDEEMING', 'REDEEMED') and (signature is not null or state = 'UNSIGNED'));
