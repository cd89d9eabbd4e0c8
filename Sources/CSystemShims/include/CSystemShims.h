#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H

#include <stddef.h>
#include <stdint.h>

// Thin wrappers over Linux calls that Swift's Glibc module does not expose
// (epoll_event is a packed struct) or exposes only behind _GNU_SOURCE.
// Each returns -1 and leaves errno set on failure, like the call it wraps.

int shim_epoll_create(void);
// op: 1 = add, 2 = delete, 3 = modify (EPOLL_CTL_*); the fd is stored in data.fd.
int shim_epoll_ctl(int epfd, int op, int fd, uint32_t events);
int shim_epoll_wait(int epfd, int *fds, uint32_t *events, int max, int timeout_ms);

extern const uint32_t shim_epollin;
extern const uint32_t shim_epollout;
extern const uint32_t shim_epollerr;
extern const uint32_t shim_epollhup;
extern const uint32_t shim_epollrdhup;
extern const uint32_t shim_epolloneshot;

int shim_eventfd(void);
int shim_pipe(int fds[2]);

// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC; writes the peer address as text into address.
int shim_accept(int listen_fd, char *address, size_t address_length);

// Installs SIGTERM/SIGINT handlers that write one byte to write_fd (self-pipe trick):
// the handler does nothing else, the event loop reads the pipe.
int shim_install_termination_pipe(int write_fd);
// Puts back the default SIGTERM/SIGINT dispositions once the server has stopped.
int shim_restore_termination_signals(void);

#endif
