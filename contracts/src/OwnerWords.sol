// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/**
 * @notice A collection's owners, ten tokens to a storage word: word `w` describes tokens `10w .. 10w+9`.
 *
 * @dev Bits `[24k, 24k+24)` hold the holder id (see `HolderTable`) of token `10w+k` (0 = not minted or burned)
 * and bit `240+k` is set when token `10w+k` is the first token of a mint call, so a token's mint call (its
 * metadata directory, its royalty) is found without a separate bitmap slot. The top 6 bits (the "hop") of a
 * word that a batch wrote after its first word say how many words back that batch started (capped at 63; 0 in
 * words written before hops were recorded, read as 1), so finding the start of a 1000-token batch reads at
 * most 3 words. A batch writes ~count/10 fresh words; a transfer rewrites one word that is already non-zero
 * (the token's own lane is).
 */
library OwnerWords {
    uint256 internal constant TOKENS_PER_WORD = 10;
    uint256 internal constant ID_BITS = 24;
    uint256 internal constant ID_MASK = (1 << ID_BITS) - 1;
    /// @dev Bit position of the first "mint starts here" flag; the ten flags sit above the ten 24-bit ids.
    uint256 private constant _FLAGS_SHIFT = TOKENS_PER_WORD * ID_BITS;
    uint256 private constant _FLAGS_MASK = (1 << TOKENS_PER_WORD) - 1;
    uint256 private constant _HOP_SHIFT = 250;
    uint256 private constant _MAX_HOP = 63;
    /// @dev A 1 in each of the ten 24-bit lanes: `holderId * _EVERY_LANE` repeats the id in all lanes
    /// (ids are < 2^24, so the multiplication never carries into the next lane).
    uint256 private constant _EVERY_LANE = 0x000001000001000001000001000001000001000001000001000001000001;

    /// @dev Word index and bit offset of `tokenId`'s holder id.
    function position(uint256 tokenId) internal pure returns (uint256 wordIndex, uint256 shift) {
        wordIndex = tokenId / TOKENS_PER_WORD;
        shift = (tokenId % TOKENS_PER_WORD) * ID_BITS;
    }

    /// @dev Holder id of `tokenId`, 0 if never minted or burned.
    function holderIdOf(mapping(uint256 => uint256) storage words, uint256 tokenId) internal view returns (uint256) {
        (uint256 wordIndex, uint256 shift) = position(tokenId);
        return (words[wordIndex] >> shift) & ID_MASK;
    }

    /**
     * @dev Sets the owner of tokens `first .. last` (all unminted so far) to `holderId` and flags `first` as a
     * mint start. Only the word containing `first` can already hold (earlier) tokens, so it is the only one
     * read; every later word is still zero and is simply assigned (one fresh slot per ten tokens).
     */
    function write(mapping(uint256 => uint256) storage words, uint256 first, uint256 last, uint256 holderId) internal {
        uint256 idInEveryLane = holderId * _EVERY_LANE;
        uint256 firstWord = first / TOKENS_PER_WORD;
        uint256 lastWord = last / TOKENS_PER_WORD;
        uint256 firstLane = first % TOKENS_PER_WORD;
        uint256 lastLane = last % TOKENS_PER_WORD;
        uint256 startFlag = 1 << (_FLAGS_SHIFT + firstLane);

        if (firstWord == lastWord) {
            words[firstWord] |= (idInEveryLane & _laneMask(firstLane, lastLane)) | startFlag;
            return;
        }
        words[firstWord] |= (idInEveryLane & _laneMask(firstLane, TOKENS_PER_WORD - 1)) | startFlag;
        for (uint256 w = firstWord + 1; w < lastWord; ++w) {
            words[w] = idInEveryLane | _hop(w - firstWord); // all ten lanes
        }
        words[lastWord] = (idInEveryLane & _laneMask(0, lastLane)) | _hop(lastWord - firstWord);
    }

    /**
     * @dev First token of the mint call that created `tokenId` (which must have been minted): the closest
     * flagged token at or before it. A word without a flag at or before the token's lane was written by a
     * batch after its first word, and its hop leads back towards that word (the batch's start is the highest
     * flag there, since the batch filled the rest of it). Royalties are looked up in every sale, hence hops.
     */
    function mintStartOf(mapping(uint256 => uint256) storage words, uint256 tokenId) internal view returns (uint256) {
        (uint256 wordIndex, ) = position(tokenId);
        uint256 word = words[wordIndex];
        // flags of the lanes 0 .. lane
        uint256 flags = (word >> _FLAGS_SHIFT) & ((2 << (tokenId % TOKENS_PER_WORD)) - 1);
        while (flags == 0) {
            uint256 hop = word >> _HOP_SHIFT;
            wordIndex -= hop == 0 ? 1 : hop; // 0: written before hops were recorded
            word = words[wordIndex];
            flags = (word >> _FLAGS_SHIFT) & _FLAGS_MASK;
        }
        return wordIndex * TOKENS_PER_WORD + Math.log2(flags); // the highest flag is the closest start
    }

    /// @dev The hop bits of a word `wordsBack` words after its batch's first word.
    function _hop(uint256 wordsBack) private pure returns (uint256) {
        return Math.min(wordsBack, _MAX_HOP) << _HOP_SHIFT;
    }

    /// @dev Bits of the 24-bit lanes `fromLane .. toLane` (inclusive).
    function _laneMask(uint256 fromLane, uint256 toLane) private pure returns (uint256) {
        return ((1 << ((toLane + 1) * ID_BITS)) - 1) ^ ((1 << (fromLane * ID_BITS)) - 1);
    }
}
