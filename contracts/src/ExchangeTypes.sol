// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// What the exchange's entry points take and refuse: its order and voucher types (EIP-712 structs), the order's
// status, the collection call it makes for lazy mints, and its errors.

/// An order to sell (a listing) or to buy (an offer) an ERC-721 token or copies of an ERC-1155 token.
struct Order {
    address maker;
    uint8 side;
    address collection;
    uint8 standard; // ERC721 or ERC1155: how the token moves
    uint256 tokenId;
    uint256 amount; // copies of an ERC-1155 token; 1 for ERC-721
    address currency; // address(0) = ETH, listings only
    uint256 price; // wei, or the ERC-20's smallest unit
    uint256 startTime; // unix seconds; fillable from this second on
    uint256 endTime; // unix seconds; fillable before this second; 0 = no end
    uint256 salt; // makes otherwise equal orders distinct
    uint256 counter; // the maker's counter when signing
}

enum Status {
    Open,
    Filled,
    Cancelled
}

/// A creator's promise to mint a token to whoever redeems it at its price (lazy minting).
struct MintVoucher {
    address creator; // signs; must hold the collection's minter role; receives the price less the fee and the royalty
    address collection;
    bytes32 metadataDigest; // sha2-256 of the token's metadata file
    uint96 royaltyBps; // the token's ERC-2981 royalty, to the creator; at most maxRoyaltyBps
    uint256 price; // wei, paid in ETH
    uint256 endTime; // unix seconds; redeemable before this second
    uint256 salt;
}

/// What the exchange calls to mint a lazily minted token: our `Collection`'s mint, with the token's royalty.
interface IRoyaltyMinter {
    function mint(address to, bytes32 metadataDigest, address royaltyReceiver, uint96 royaltyBps) external returns (uint256 tokenId);
}

error ExchangeWrongSide(uint8 side);
error ExchangeInvalidSignature();
error ExchangeOrderNotOpen(bytes32 orderHash, Status status);
error ExchangeStaleCounter(uint256 orderCounter, uint256 currentCounter);
error ExchangeNotStarted(uint256 startTime);
error ExchangeExpired(uint256 endTime);
error ExchangeCurrencyNotAllowed(address currency);
error ExchangeWrongPayment(uint256 expected, uint256 sent);
error ExchangeSelfFill();
error ExchangeNotMaker(address caller);
error ExchangeZeroPrice();
error ExchangeUnknownStandard(uint8 standard);
error ExchangeWrongAmount(uint8 standard, uint256 amount);
error ExchangeZeroAddress();
error ExchangeFeeTooHigh(uint16 feeBps, uint16 maxRoyaltyBps);
error ExchangeVoucherRedeemed(bytes32 voucherHash);
error ExchangeNotMinter(address creator, address collection);
error ExchangeRoyaltyTooHigh(uint96 royaltyBps, uint16 maxRoyaltyBps);
