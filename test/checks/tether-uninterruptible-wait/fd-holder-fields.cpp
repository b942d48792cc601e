// RUN: %check_tether %s tether-uninterruptible-wait %t

// Sockets passed to helpers through atomic holder fields: the thread accepts
// on the listening socket, which stop() closes (reported), and receives on
// the pending socket, which stop() never closes (not reported: the close is
// of another object's descriptor). The worker resets the flag to false
// before its loop: that write does not stop it.
#include <atomic>
#include <sys/socket.h>
#include <unistd.h>

struct Sock {
  int fd;
};

Sock *Accept(Sock *L);
Sock *Accept(Sock *L) {
  int c = accept(L->fd, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'accept' blocks on 'fd', which the stop path only closes
  // CHECK-MESSAGES: :27:3: note: 'fd' is closed here
  // CHECK-MESSAGES: :53:5: note: the stop path sets 'quit' here, which the loop checks only between blocking calls
  // CHECK-MESSAGES: :45:5: note: the thread's loop
  return c < 0 ? nullptr : new Sock{c};
}
bool Recv(Sock *S, char *b, int n) { return recv(S->fd, b, n, 0) == n; }
void Drop(Sock *S) {
  close(S->fd);
  delete S;
}

struct Client {
  std::atomic<Sock *> listen{nullptr}, pending{nullptr};
  std::atomic<bool> quit{false};
  void killListen() {
    Sock *s = listen.exchange(nullptr);
    if (s)
      Drop(s);
  }
  bool init() {
    char b[4];
    return Recv(pending, b, 4);
  }
  void host() {
    quit = false;
    while (listen.load() != nullptr && !quit) {
      pending = Accept(listen);
      if (pending.load())
        init();
    }
    killListen();
  }
  void stop() {
    quit = true;
    killListen();
  }
};
