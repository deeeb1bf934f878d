// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Tokens we did not write: OpenZeppelin's ERC-721, ERC-1155 and ERC-20 as anyone would deploy them, with
// open mints (compiled by the tests only).

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

contract ForeignErc721 is ERC721 {
    constructor() ERC721("Foreign kittens", "FKT") {}

    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }
}

contract ForeignErc1155 is ERC1155 {
    constructor() ERC1155("https://foreign.example/{id}.json") {}

    function mint(address to, uint256 id, uint256 amount) external {
        _mint(to, id, amount, "");
    }

    function mintBatch(address to, uint256[] calldata ids, uint256[] calldata amounts) external {
        _mintBatch(to, ids, amounts, "");
    }
}

contract ForeignErc20 is ERC20 {
    constructor() ERC20("Foreign coin", "FCN") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
