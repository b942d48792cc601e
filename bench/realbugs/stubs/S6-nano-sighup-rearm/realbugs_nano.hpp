// Stub for the realbugs harness: the nano-node declarations that
// nano/node/ipc/ipc_server.{hpp,cpp} use at 250ed204aa9e and b0896aa755d8,
// written from their uses only. Not nano-node code: the node, its
// configuration, logger, stats and workers, the IPC transports' base
// classes, the JSON and Flatbuffers handlers are reduced to the members the
// file calls, and no function is defined. The node's io_context stays a
// Boost.Asio io_context, so the signal set and its handler are the real ones.
#pragma once

#include <boost/array.hpp>
#include <boost/asio.hpp>
#include <boost/format.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace boost::log {}

namespace flatbuffers {
class FlatBufferBuilder {
public:
  std::uint32_t GetSize() const;
  std::uint8_t *GetBufferPointer() const;
};
} // namespace flatbuffers

namespace nano {
using mutex = std::mutex;
template <typename Mutex> using unique_lock = std::unique_lock<Mutex>;

template <typename T> class locked {
public:
  locked &operator=(T const &);
  operator T() const;
};

template <typename Unit> class timer {
public:
  void restart();
  Unit stop();
  std::string unit() const;
};

class error {
public:
  error() = default;
  error(boost::system::error_code const &);
  explicit operator bool() const;
  std::string get_message() const;
};

template <typename Socket, typename Buffer, typename Handler>
void unsafe_async_write(Socket &, Buffer const &, Handler &&);

class thread_runner {
public:
  thread_runner(boost::asio::io_context &, unsigned);
  void join();
};

namespace stat {
enum class type { ipc };
enum class detail { invocations };
} // namespace stat

class node_rpc_config {};

namespace ipc {
enum class payload_encoding : std::uint8_t {
  json_v1,
  json_v1_unsafe,
  flatbuffers,
  flatbuffers_json
};

enum preamble_offset { lead = 0, encoding = 1, reserved_1 = 2, reserved_2 = 3 };

class ipc_config_transport {
public:
  bool enabled{false};
  bool allow_unsafe{false};
  std::size_t io_timeout{15};
  long io_threads{-1};
};
class ipc_config_domain_socket : public ipc_config_transport {
public:
  std::string path;
};
class ipc_config_tcp_socket : public ipc_config_transport {
public:
  std::uint16_t port{0};
};
class ipc_config {
public:
  ipc_config_domain_socket transport_domain;
  ipc_config_tcp_socket transport_tcp;
};

class socket_base {
public:
  explicit socket_base(boost::asio::io_context &);
  virtual ~socket_base() = default;
  void timer_start(std::chrono::seconds);
  void timer_cancel();
};

class transport {
public:
  virtual ~transport() = default;
  virtual void stop() = 0;
};

class dsock_file_remover {
public:
  explicit dsock_file_remover(std::string const &);
};

class subscriber {
public:
  virtual ~subscriber() = default;
  virtual void async_send_message(std::uint8_t const *, std::size_t,
                                  std::function<void(nano::error const &)>) = 0;
  virtual std::uint64_t get_id() const = 0;
  virtual std::string get_service_name() const = 0;
  virtual void set_service_name(std::string const &) = 0;
  virtual payload_encoding get_active_encoding() const = 0;
};

class access {};
nano::error read_access_config_toml(std::filesystem::path const &, access &);
} // namespace ipc

class logger {
public:
  template <typename... Args> void always_log(Args const &...);
};
class logging {
public:
  bool log_ipc() const;
};
class node_config {
public:
  nano::logging logging;
  nano::ipc::ipc_config ipc_config;
};
class stats {
public:
  void inc(stat::type, stat::detail);
};
class thread_pool {
public:
  void add_timed_task(std::chrono::steady_clock::time_point,
                      std::function<void()>);
};

class node : public std::enable_shared_from_this<node> {
public:
  std::shared_ptr<node> shared();
  boost::asio::io_context &io_ctx;
  nano::node_config config;
  nano::logger logger;
  nano::stats stats;
  nano::thread_pool workers;
  std::filesystem::path application_path;
};

namespace ipc {
class ipc_server;
class broker {
public:
  explicit broker(nano::node &);
  void start();
};

class flatbuffers_handler {
public:
  flatbuffers_handler(nano::node &, ipc_server &, std::shared_ptr<subscriber>,
                      ipc_config const &);
  void process_json(std::uint8_t const *, std::size_t,
                    std::function<void(std::shared_ptr<std::string> const &)>);
  void process(std::uint8_t const *, std::size_t,
               std::function<void(
                   std::shared_ptr<flatbuffers::FlatBufferBuilder> const &)>);
};
} // namespace ipc

class json_handler : public std::enable_shared_from_this<json_handler> {
public:
  json_handler(nano::node &, nano::node_rpc_config const &, std::string,
               std::function<void(std::string const &)> const &,
               std::function<void()> const &);
  void process_request(bool unsafe = false);
};
} // namespace nano
