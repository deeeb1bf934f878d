-- The indexer follows every ERC-721 and ERC-1155 contract of the chain, not only ours.

-- What ERC-165 said each contract that emitted a transfer-shaped log is; NONE for everything else
-- (ERC-20 tokens share ERC-721's Transfer topic), so that it is asked once.
create table nft_contracts (
  chain_id     bigint not null,
  address      text not null,
  standard     text not null check (standard in ('ERC721', 'ERC1155', 'NONE')),
  first_block  bigint not null,
  primary key (chain_id, address)
);
insert into nft_contracts (chain_id, address, standard, first_block)
select chain_id, contract, 'ERC721', min(minted_block) from nft_tokens group by chain_id, contract;

-- An ERC-1155 transfer moves an amount of copies; an ERC-721 one moves its token (1).
alter table nft_transfers add column amount numeric(78) not null default 1;

-- An ERC-1155 token has holders, not an owner (owner stays null): its copies per holder are in nft_balances.
alter table nft_tokens add column standard text not null default 'ERC721' check (standard in ('ERC721', 'ERC1155'));

create table nft_balances (
  chain_id  bigint not null,
  contract  text not null,
  token_id  numeric(78) not null,
  holder    text not null,
  balance   numeric(78) not null,
  primary key (chain_id, contract, token_id, holder)
);
create index nft_balances_holder_idx on nft_balances (holder);
