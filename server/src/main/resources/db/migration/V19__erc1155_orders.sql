-- The exchange trades copies of ERC-1155 tokens as well as ERC-721 tokens: an order names its standard and amount.
alter table orders add column standard text not null default 'ERC721' check (standard in ('ERC721', 'ERC1155'));
alter table orders add column amount numeric(78) not null default 1 check (amount > 0);
alter table sales add column amount numeric(78) not null default 1;

-- The exchange the market's counters, approvals and orders were last kept for. When a new exchange replaces it, what
-- was kept for the old one no longer holds: its open orders close and its counters and approvals are forgotten.
create table market_exchanges (
  chain_id  bigint primary key,
  exchange  text not null
);
insert into market_exchanges (chain_id, exchange) select chain_id, address from chain_contracts where name = 'Exchange';

-- An auction of an ERC-1155 token sells a number of its copies; several holders may auction copies of one token.
alter table auctions add column standard text not null default 'ERC721' check (standard in ('ERC721', 'ERC1155'));
alter table auctions add column amount numeric(78) not null default 1 check (amount > 0);
drop index auctions_one_open_per_token_idx;
create unique index auctions_one_open_per_token_idx on auctions (chain_id, collection, token_id, seller) where phase in ('OPEN', 'ENDED');
