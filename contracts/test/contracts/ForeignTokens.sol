// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Tokens we did not write: OpenZeppelin's ERC-721, ERC-1155 and ERC-20 as anyone would deploy them, with
// open mints (compiled by the tests only).

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";

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

/// Each token names its own metadata URI, which anyone may change here (OpenZeppelin emits the
/// EIP-4906 MetadataUpdate when it does).
contract ForeignErc721WithUris is ERC721URIStorage {
    constructor() ERC721("Foreign portraits", "FPT") {}

    function mint(address to, uint256 tokenId, string calldata uri) external {
        _mint(to, tokenId);
        _setTokenURI(tokenId, uri);
    }

    function setTokenURI(uint256 tokenId, string calldata uri) external {
        _setTokenURI(tokenId, uri);
    }
}

/// An ERC-1155 whose URI template can be changed, announced for every id at once (EIP-4906's batch event).
contract ForeignErc1155WithUri is ERC1155 {
    event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId);

    constructor() ERC1155("") {}

    function mint(address to, uint256 id, uint256 amount) external {
        _mint(to, id, amount, "");
    }

    function setURI(string calldata uri) external {
        _setURI(uri);
        emit BatchMetadataUpdate(0, type(uint256).max);
    }
}

contract ForeignErc20 is ERC20 {
    constructor() ERC20("Foreign coin", "FCN") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// A hostile ERC-721: approving anyone on it burns all the gas the transaction brought.
contract GasBurningErc721 is ERC721 {
    constructor() ERC721("Furnace", "BURN") {}

    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }

    function setApprovalForAll(address, bool) public pure override {
        while (true) {}
    }
}
