// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Benchmark-only OpenZeppelin 5 baselines for gas/measure.mjs (compiled with the same settings as src/,
// never deployed by the application).

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";

/// @notice Plain OZ ERC721: the reference for transfer gas.
contract OzErc721Baseline is ERC721 {
    constructor() ERC721("Baseline", "BASE") {}

    /// @dev Mints ids `first .. first+count-1` to `to`, one `_mint` each (setup only, not measured).
    function mintRange(address to, uint256 first, uint256 count) external {
        for (uint256 id = first; id < first + count; ++id) _mint(to, id);
    }
}

/// @notice OZ ERC721URIStorage storing the full `ipfs://<cid>` per token: the reference for single-mint gas.
/// Ids are sequential like Collection's, so it pays the same counter rewrite; it has no access control
/// (Collection pays a role check), which makes the baseline slightly cheaper, i.e. the comparison stricter.
contract OzUriStorageBaseline is ERC721URIStorage {
    uint256 private _nextTokenId = 1;

    constructor() ERC721("Baseline", "BASE") {}

    function mint(address to, string calldata uri) external returns (uint256 tokenId) {
        tokenId = _nextTokenId++;
        _mint(to, tokenId);
        _setTokenURI(tokenId, uri);
    }
}
