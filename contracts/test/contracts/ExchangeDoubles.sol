// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Test doubles for the Exchange and WETH tests (compiled by the tests only).

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

/// @notice Stands for an exchange of an earlier version: its EIP-712 domain (ERC-5267) names version "1".
contract ExchangeOfAnotherVersion is EIP712 {
    constructor() EIP712("NFT Traders Exchange", "1") {}
}

/// @notice A plain OpenZeppelin ERC-721 without ERC-2981: anybody mints.
contract PlainERC721 is ERC721 {
    constructor() ERC721("Plain", "PLN") {}

    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }
}

/// @notice Claims ERC-2981 but its royaltyInfo reverts (the exchange must then sell without royalty).
contract RevertingRoyaltyERC721 is ERC721 {
    constructor() ERC721("Broken royalty", "BRK") {}

    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }

    function royaltyInfo(uint256, uint256) external pure returns (address, uint256) {
        revert("no royalty for you");
    }
}

/**
 * @notice A hostile account: once armed, the next ETH payment or ERC-721 it receives makes it call `target` with
 * `payload` (and `value`), e.g. fillListing/acceptOffer of the exchange that is paying it right now. It records
 * whether that inner call succeeded and what it returned; with `bubble` a failed inner call reverts the outer one.
 */
contract Reenterer is IERC721Receiver {
    address public target;
    uint256 public value;
    bytes public payload;
    bool public bubble;

    uint256 public attempts;
    bool public lastSuccess;
    bytes public lastReturnData;

    function arm(address target_, uint256 value_, bytes calldata payload_, bool bubble_) external {
        target = target_;
        value = value_;
        payload = payload_;
        bubble = bubble_;
    }

    /// @notice Lets the tests act as this contract (buy, approve, ...).
    function execute(address to, uint256 value_, bytes calldata data) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call{value: value_}(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        _reenter();
        return IERC721Receiver.onERC721Received.selector;
    }

    receive() external payable {
        _reenter();
    }

    function _reenter() private {
        address to = target;
        if (to == address(0)) return;
        target = address(0); // one attempt only
        attempts++;
        (bool ok, bytes memory ret) = to.call{value: value}(payload);
        lastSuccess = ok;
        lastReturnData = ret;
        if (!ok && bubble) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}

/// @notice On receiving ETH from WETH.withdraw, tries to withdraw the same amount again.
contract WithdrawReenterer {
    address public immutable weth;
    bool public reentered;
    bool public innerSuccess;
    bytes public innerReturnData;

    constructor(address weth_) {
        weth = weth_;
    }

    function depositAndWithdraw(uint256 wad) external payable {
        (bool ok, ) = weth.call{value: msg.value}(abi.encodeWithSignature("deposit()"));
        require(ok);
        (ok, ) = weth.call(abi.encodeWithSignature("withdraw(uint256)", wad));
        require(ok, "outer withdraw failed");
    }

    receive() external payable {
        if (reentered) return;
        reentered = true;
        (innerSuccess, innerReturnData) = weth.call(abi.encodeWithSignature("withdraw(uint256)", msg.value));
    }
}
