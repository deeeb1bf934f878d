// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @title Benchmark-only: the ERC-20 traffic of a busy chain.
 * @notice OpenZeppelin's ERC-20; `churn` moves one unit around `ring` `count` times, one Transfer log
 * (ERC-721's topic 0, three topics) each. Only the deployer may churn. Never deployed outside the benchmarks.
 */
contract BenchCoin is ERC20 {
    address private immutable _deployer;

    constructor(address[] memory ring) ERC20("Bench coin", "BCN") {
        _deployer = msg.sender;
        for (uint256 i = 0; i < ring.length; i++) _mint(ring[i], 1e24);
    }

    function churn(address[] calldata ring, uint256 count) external {
        require(msg.sender == _deployer);
        for (uint256 i = 0; i < count; i++) _update(ring[i % ring.length], ring[(i + 1) % ring.length], 1);
    }
}

/**
 * @title Benchmark-only: the ERC-1155 traffic of a busy chain.
 * @notice OpenZeppelin's ERC-1155; `churn` moves copies around `ring` `count` times, alternating a
 * TransferSingle (one id) and a TransferBatch (two ids). Never deployed outside the benchmarks.
 */
contract BenchEditions is ERC1155 {
    address private immutable _deployer;

    constructor(address[] memory ring) ERC1155("") {
        _deployer = msg.sender;
        for (uint256 i = 0; i < ring.length; i++) {
            _mint(ring[i], 1, 1e9, "");
            _mint(ring[i], 2, 1e9, "");
        }
    }

    function churn(address[] calldata ring, uint256 count) external {
        require(msg.sender == _deployer);
        for (uint256 i = 0; i < count; i++) {
            address from = ring[i % ring.length];
            address to = ring[(i + 1) % ring.length];
            if (i % 2 == 0) {
                _update(from, to, _one(1), _one(1));
            } else {
                _update(from, to, _two(1, 2), _two(1, 1));
            }
        }
    }

    function _one(uint256 a) private pure returns (uint256[] memory values) {
        values = new uint256[](1);
        values[0] = a;
    }

    function _two(uint256 a, uint256 b) private pure returns (uint256[] memory values) {
        values = new uint256[](2);
        values[0] = a;
        values[1] = b;
    }
}
