// Stub for the realbugs harness: only the members of rai::node that
// rai/node/voting.cpp calls. Not nano-node code.
#pragma once

#include <rai/lib/numbers.hpp>

#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace rai {
struct transaction {};
struct vote {};
struct endpoint {};
struct stub_store {
  transaction tx_begin_write();
  std::shared_ptr<rai::vote> vote_generate(transaction const &,
                                           public_key const &, raw_key const &,
                                           std::vector<block_hash> const &);
};
struct stub_wallets {
  void foreach_representative(
      transaction const &,
      std::function<void(public_key const &, raw_key const &)> const &);
};
struct stub_vote_processor {
  void vote(std::shared_ptr<rai::vote>, rai::endpoint);
};
struct stub_network {
  rai::endpoint endpoint();
};
class node {
public:
  stub_store store;
  stub_wallets wallets;
  stub_vote_processor vote_processor;
  stub_network network;
};
} // namespace rai
