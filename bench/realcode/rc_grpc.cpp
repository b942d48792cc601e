// Real-code corpus TU (issue 9): gRPC C++ 1.51 from Debian, without generated
// stubs: a generic async server whose completion-queue loop runs on its own
// thread and ends when the queue is shut down, a generic client call with a
// deadline, and a health-checking thread that stops with its std::jthread.
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <chrono>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>

namespace corpus {

class generic_server {
public:
  void start(const std::string &address) {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    builder.AddListeningPort(address, grpc::InsecureServerCredentials());
    builder.RegisterAsyncGenericService(&service_);
    cq_ = builder.AddCompletionQueue();
    server_ = builder.BuildAndStart();
    loop_ = std::thread([this] { poll(); });
  }

  void stop() {
    server_->Shutdown(std::chrono::system_clock::now() +
                      std::chrono::milliseconds(100));
    cq_->Shutdown();
    loop_.join();
  }

private:
  // Next() returns false once the queue is shut down and drained.
  void poll() {
    void *tag = nullptr;
    bool ok = false;
    while (cq_->Next(&tag, &ok)) {
      if (!ok)
        continue;
      ++handled_;
    }
  }

  grpc::AsyncGenericService service_;
  std::unique_ptr<grpc::ServerCompletionQueue> cq_;
  std::unique_ptr<grpc::Server> server_;
  std::thread loop_;
  int handled_ = 0;
};

grpc::Status call_with_deadline(const std::shared_ptr<grpc::Channel> &channel,
                                std::chrono::milliseconds limit) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + limit);
  grpc::CompletionQueue cq;
  grpc::ByteBuffer request;
  auto call = stub.PrepareUnaryCall(&context, "/corpus.Echo/Say", request, &cq);
  call->StartCall();
  grpc::ByteBuffer reply;
  grpc::Status status;
  call->Finish(&reply, &status, reinterpret_cast<void *>(1));
  void *tag = nullptr;
  bool ok = false;
  cq.Next(&tag, &ok);
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return status;
}

std::jthread watch_channel(std::shared_ptr<grpc::Channel> channel) {
  return std::jthread([channel = std::move(channel)](std::stop_token stop) {
    auto state = channel->GetState(true);
    while (!stop.stop_requested()) {
      channel->WaitForStateChange(state, std::chrono::system_clock::now() +
                                             std::chrono::milliseconds(200));
      state = channel->GetState(false);
    }
  });
}

int run() {
  generic_server server;
  server.start("127.0.0.1:50551");
  auto channel = grpc::CreateChannel("127.0.0.1:50551",
                                     grpc::InsecureChannelCredentials());
  auto watcher = watch_channel(channel);
  auto status = call_with_deadline(channel, std::chrono::milliseconds(200));
  watcher.request_stop();
  server.stop();
  return status.ok() ? 0 : 1;
}

} // namespace corpus
