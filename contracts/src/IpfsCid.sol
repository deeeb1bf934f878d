// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @notice `ipfs://` URIs of content addressed by a sha2-256 digest (CIDv1, multibase base32).
library IpfsCid {
    uint8 private constant _CODEC_RAW = 0x55;
    uint8 private constant _CODEC_DAG_PB = 0x70;
    /// @dev RFC 4648 base32 alphabet, lowercase (multibase prefix "b").
    bytes32 private constant _BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    /// @notice `ipfs://<CIDv1(raw, fileDigest)>` (`bafkrei...`): a single file.
    function fileUri(bytes32 fileDigest) internal pure returns (string memory) {
        return string.concat("ipfs://", _cidV1(_CODEC_RAW, fileDigest));
    }

    /// @notice `ipfs://<CIDv1(dag-pb, directoryDigest)>/<index>` (`bafybei...`): file `index` of a UnixFS directory.
    function directoryEntryUri(bytes32 directoryDigest, uint256 index) internal pure returns (string memory) {
        return string.concat("ipfs://", _cidV1(_CODEC_DAG_PB, directoryDigest), "/", Strings.toString(index));
    }

    /**
     * @dev CIDv1 `0x01 codec 0x12 0x20 digest` (sha2-256 multihash) in multibase base32: "b" followed by
     * RFC 4648 base32 (lowercase, no padding) of those 36 bytes = 58 characters (288 bits / 5, rounded up,
     * the last character padded with zero bits).
     */
    function _cidV1(uint8 codec, bytes32 digest) private pure returns (string memory) {
        bytes memory cid = abi.encodePacked(uint8(0x01), codec, uint8(0x12), uint8(0x20), digest);
        bytes memory out = new bytes(59);
        out[0] = "b";
        for (uint256 i = 0; i < 58; ++i) {
            uint256 bit = i * 5;
            uint256 byteIndex = bit / 8;
            // the 16 bits starting at `byteIndex` contain the whole 5-bit group
            uint256 window = uint256(uint8(cid[byteIndex])) << 8;
            if (byteIndex + 1 < cid.length) window |= uint8(cid[byteIndex + 1]);
            out[i + 1] = _BASE32_ALPHABET[(window >> (11 - (bit % 8))) & 31];
        }
        return string(out);
    }
}
