// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @notice A collection's holders: `holderId => balance << 160 | address`, an open-addressing hash table over the
 * ids 1 .. 2^24-1 (id 0 means "no owner"), so that owners can be stored as 24-bit ids (see `OwnerWords`).
 *
 * @dev An address's candidate ids are `keccak256(address, probe) % (2^24-1) + 1` for probe = 0, 1, 2, ...; it
 * lives in the first candidate whose slot holds its address, or is inserted into the first empty one. One slot
 * holds both the address (so an id can be turned back into an owner for `ownerOf`) and the balance (so a
 * recipient costs exactly one slot, fresh or rewritten, like OZ's `_balances`). Entries are never removed, even
 * at balance 0: deleting would break the probe chains of other addresses, and it keeps a returning holder at
 * 5,000 gas instead of 22,100.
 *
 * Capacity and limits: at most 2^24-1 (16.7M) distinct holders ever. Each probe is an independent hash, so
 * there is no clustering: at a table load L an insert takes ~1/(1-L) probes, i.e. one for any realistic
 * collection. Each extra probe costs 2,100 gas (a cold SLOAD). Somebody can grind addresses whose probes
 * collide with a victim's (~2^24 hashes each) and give each of them a token (one ~60k-gas transfer each);
 * every such address then adds 2,100 gas to each later mint or transfer to that victim. This is griefing,
 * not theft, and costs the attacker far more than the victim.
 */
library HolderTable {
    uint256 internal constant ID_COUNT = (1 << 24) - 1; // usable ids: 1 .. 2^24-1
    uint256 internal constant BALANCE_SHIFT = 160;
    uint256 internal constant ONE_TOKEN = 1 << BALANCE_SHIFT;

    /// @dev Adds `amount` to `account`'s balance, inserting it into the table if new; returns its id.
    function credit(
        mapping(uint256 => uint256) storage holders,
        address account,
        uint256 amount
    ) internal returns (uint256 holderId) {
        uint256 entry;
        (holderId, entry) = find(holders, account);
        if (entry == 0) entry = uint160(account); // claim the empty slot
        holders[holderId] = entry + (amount << BALANCE_SHIFT);
    }

    /**
     * @dev Probes `account`'s candidate ids until one holds `account` (returns it and its entry) or is empty
     * (returns it and 0: where `account` would be inserted). Takes ~1/(1 - load) probes on average; the loop
     * only fails to end (runs out of gas) once all 2^24-1 ids are taken, i.e. after 16.7M distinct holders.
     */
    function find(
        mapping(uint256 => uint256) storage holders,
        address account
    ) internal view returns (uint256 holderId, uint256 entry) {
        for (uint256 probe = 0; ; ++probe) {
            holderId = (uint256(keccak256(abi.encode(account, probe))) % ID_COUNT) + 1;
            entry = holders[holderId];
            if (entry == 0 || address(uint160(entry)) == account) return (holderId, entry);
        }
    }
}
