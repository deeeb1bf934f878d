// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/**
 * @title Wrapped Ether for the dev chain
 * @notice Same interface and events as WETH9 (deposit, withdraw, Deposit, Withdrawal), built on OpenZeppelin's
 * ERC20. On a public chain the marketplace uses that chain's canonical WETH instead; this contract is deployed
 * only where none is configured. Unlike WETH9, spending an allowance emits no Approval event, so readers of
 * allowances must ask the contract rather than replay events.
 */
contract WETH is ERC20 {
    event Deposit(address indexed dst, uint256 wad);
    event Withdrawal(address indexed src, uint256 wad);

    constructor() ERC20("Wrapped Ether", "WETH") {}

    receive() external payable {
        deposit();
    }

    function deposit() public payable {
        _mint(msg.sender, msg.value);
        emit Deposit(msg.sender, msg.value);
    }

    /// @dev Burns before paying out, so a re-entering receiver finds the balance already reduced.
    function withdraw(uint256 wad) external {
        _burn(msg.sender, wad);
        emit Withdrawal(msg.sender, wad);
        Address.sendValue(payable(msg.sender), wad);
    }
}
