// Stub for the realbugs harness: the nano-node declarations that
// nano/node/bootstrap/bootstrap_bulk_pull.{hpp,cpp} use at 45f66d2bd69c and
// a045cc332481, written from their uses only. Not nano-node code: types are
// simplified (256-bit numbers are 64-bit, messages are plain structs) and no
// function is defined. bootstrap_attempt has the members the file uses; its
// waiter (bootstrap_attempt.cpp) is not part of this translation unit.
#pragma once

#include <boost/system/error_code.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#define debug_assert(cond) ((void)(cond))

namespace nano {
struct uint256_union {
  uint256_union() = default;
  uint256_union(uint64_t);
  bool is_zero() const;
  void clear();
  uint64_t number() const;
  std::string to_string() const;
  std::string to_account() const;
  bool operator==(uint256_union const &) const;
  bool operator!=(uint256_union const &) const;
  std::array<uint8_t, 32> bytes;
};
using block_hash = uint256_union;
using account = uint256_union;
using hash_or_account = uint256_union;

struct uint128_union {
  uint128_union() = default;
  uint128_union(uint64_t);
  uint64_t number() const;
  bool operator<(uint128_union const &) const;
  std::array<uint8_t, 16> bytes;
};
using amount = uint128_union;

enum class block_type : uint8_t {
  invalid,
  not_a_block,
  send,
  receive,
  open,
  change,
  state
};
struct send_block {
  static size_t constexpr size = 152;
};
struct receive_block {
  static size_t constexpr size = 136;
};
struct open_block {
  static size_t constexpr size = 168;
};
struct change_block {
  static size_t constexpr size = 136;
};
struct state_block {
  static size_t constexpr size = 216;
};
class block {
public:
  block_hash hash() const;
  block_hash previous() const;
  nano::account account() const;
  void serialize_json(std::string &, bool) const;
};

struct bufferstream {
  bufferstream(uint8_t const *, size_t);
};
struct vectorstream {
  vectorstream(std::vector<uint8_t> &);
};
template <typename T> void write(vectorstream &, T const &);
template <typename T> bool try_read(bufferstream &, T &);
std::shared_ptr<block> deserialize_block(bufferstream &, block_type);
void serialize_block(vectorstream &, block const &);
bool work_validate_entry(block const &);

struct shared_const_buffer {
  shared_const_buffer(std::vector<uint8_t> &&);
  shared_const_buffer(uint8_t);
};

class bulk_pull {
public:
  using count_t = uint32_t;
  hash_or_account start;
  block_hash end;
  count_t count;
  bool is_count_present() const;
  void set_count_present(bool);
};
enum class bulk_pull_account_flags : uint8_t {
  pending_hash_and_amount,
  pending_address_only,
  pending_hash_amount_and_address
};
class bulk_pull_account {
public:
  nano::account account;
  amount minimum_amount;
  bulk_pull_account_flags flags;
};

struct pending_key {
  pending_key() = default;
  pending_key(nano::account const &, block_hash const &);
  nano::account account;
  block_hash hash;
};
struct pending_info {
  nano::account source;
  nano::amount amount;
};
struct account_info {
  block_hash head;
};
template <typename K, typename V> class store_iterator {
public:
  store_iterator(std::nullptr_t);
  bool operator==(store_iterator const &) const;
  std::pair<K, V> *operator->();
};
struct transaction {};

namespace stat {
enum class type { bootstrap };
enum class detail {
  bulk_pull_request_failure,
  bulk_pull_receive_block_failure,
  bulk_pull_deserialize_receive_block,
  bulk_pull_error_starting_request
};
enum class dir { in };
} // namespace stat
enum class buffer_drop_policy { no_limiter_drop };
enum class bootstrap_mode { legacy, lazy, wallet_lazy };

using callback_t =
    std::function<void(boost::system::error_code const &, size_t)>;
class socket {
public:
  void async_read(std::shared_ptr<std::vector<uint8_t>>, size_t, callback_t);
  void async_write(shared_const_buffer const &, callback_t);
};
class channel_tcp {
public:
  std::string to_string() const;
  template <typename Message>
  void send(Message const &, callback_t, buffer_drop_policy);
  std::weak_ptr<nano::socket> socket;
};

class pull_info;
class block_store_stub {
public:
  transaction tx_begin_read();
  bool block_exists(transaction const &, block_hash const &);
  bool account_get(transaction const &, nano::account const &, account_info &);
  store_iterator<pending_key, pending_info> pending_begin(transaction const &,
                                                          pending_key const &);
};
class ledger_stub {
public:
  nano::account account(transaction const &, block_hash const &);
  bool block_exists(block_hash const &);
  block_hash latest(transaction const &, nano::account const &);
  uint64_t account_balance(transaction const &, nano::account const &);
};
class logging_stub {
public:
  bool bulk_pull_logging() const;
  bool network_logging() const;
  bool network_packet_logging() const;
  bool network_message_logging() const;
  bool single_line_record() const;
};
class config_stub {
public:
  logging_stub logging;
  amount receive_minimum;
};
class logger_stub {
public:
  void try_log(std::string const &);
  void always_log(std::string const &);
};
class stats_stub {
public:
  void inc(stat::type, stat::detail, stat::dir);
};
class block_processor_stub {
public:
  bool half_full();
  std::atomic<bool> flushing;
};
class alarm_stub {
public:
  void add(std::chrono::steady_clock::time_point const &,
           std::function<void()> const &);
};
class flags_stub {
public:
  bool disable_legacy_bootstrap;
};
class bootstrap_client;
class bootstrap_connections {
public:
  void requeue_pull(pull_info const &, bool);
  void pool_connection(std::shared_ptr<bootstrap_client>);
};
class pulls_cache_stub {
public:
  void remove(pull_info const &);
};
class bootstrap_initiator_stub {
public:
  std::shared_ptr<bootstrap_connections> connections;
  pulls_cache_stub cache;
  void bootstrap_lazy(hash_or_account const &, bool, bool);
};
class node {
public:
  config_stub config;
  logger_stub logger;
  stats_stub stats;
  block_store_stub store;
  ledger_stub ledger;
  block_processor_stub block_processor;
  alarm_stub alarm;
  flags_stub flags;
  bootstrap_initiator_stub bootstrap_initiator;
  std::shared_ptr<nano::block> block(block_hash const &);
};

class bootstrap_attempt {
public:
  bool should_log();
  bool process_block(std::shared_ptr<nano::block>, nano::account const &,
                     uint64_t, bulk_pull::count_t, bool, unsigned);
  size_t wallet_size();
  void requeue_pending(nano::account const &);
  void pull_started();
  void pull_finished();
  std::mutex mutex;
  std::condition_variable condition;
  std::atomic<unsigned> pulling;
  std::atomic<bool> stopped;
  std::atomic<uint64_t> total_blocks;
  bootstrap_mode mode;
};
class bootstrap_client {
public:
  std::shared_ptr<nano::node> node;
  std::shared_ptr<channel_tcp> channel;
  std::shared_ptr<std::vector<uint8_t>> receive_buffer;
  std::shared_ptr<bootstrap_connections> connections;
  std::atomic<bool> pending_stop;
  std::atomic<bool> hard_stop;
  std::atomic<uint64_t> block_count;
  std::chrono::steady_clock::time_point start_time;
};
class bootstrap_server {
public:
  std::shared_ptr<nano::node> node;
  std::shared_ptr<nano::socket> socket;
  void finish_request();
};
} // namespace nano

namespace std {
template <> struct hash<::nano::uint256_union> {
  size_t operator()(::nano::uint256_union const &) const;
};
} // namespace std
