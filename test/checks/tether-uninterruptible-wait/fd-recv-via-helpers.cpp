// RUN: %check_tether %s tether-uninterruptible-wait %t

// The blocking recv sits in a helper the thread's loop calls, and the close
// in a helper the stop path calls.
#include <sys/socket.h>
#include <unistd.h>

struct Conn {
  int sock;
};

bool receive(Conn *c, char *buf, int n) {
  return recv(c->sock, buf, n, 0) == n;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'recv' blocks on 'sock', which the stop path only closes
}

void drop(Conn *c) { close(c->sock); }

struct Client {
  Conn *conn = nullptr;
  bool quit = false;
  void loop() {
    char buf[64];
    while (!quit && receive(conn, buf, 64)) {
    }
  }
  void disconnect() {
    quit = true;
    drop(conn);
  }
};
