#define _GNU_SOURCE
#include "CSystemShims.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

const uint32_t shim_epollin = EPOLLIN;
const uint32_t shim_epollout = EPOLLOUT;
const uint32_t shim_epollerr = EPOLLERR;
const uint32_t shim_epollhup = EPOLLHUP;
const uint32_t shim_epollrdhup = EPOLLRDHUP;
const uint32_t shim_epolloneshot = EPOLLONESHOT;

int shim_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int shim_epoll_ctl(int epfd, int op, int fd, uint32_t events) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = events;
    event.data.fd = fd;
    return epoll_ctl(epfd, op, fd, &event);
}

int shim_epoll_wait(int epfd, int *fds, uint32_t *events, int max, int timeout_ms) {
    struct epoll_event buffer[256];
    if (max > 256) max = 256;
    int count = epoll_wait(epfd, buffer, max, timeout_ms);
    for (int i = 0; i < count; i++) {
        fds[i] = buffer[i].data.fd;
        events[i] = buffer[i].events;
    }
    return count;
}

int shim_eventfd(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

int shim_pipe(int fds[2]) {
    return pipe2(fds, O_NONBLOCK | O_CLOEXEC);
}

int shim_accept(int listen_fd, char *address, size_t address_length) {
    struct sockaddr_storage storage;
    socklen_t length = sizeof storage;
    int fd = accept4(listen_fd, (struct sockaddr *)&storage, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return fd;
    if (address_length > 0) address[0] = 0;
    if (storage.ss_family == AF_INET) {
        inet_ntop(AF_INET, &((struct sockaddr_in *)&storage)->sin_addr, address, (socklen_t)address_length);
    } else if (storage.ss_family == AF_INET6) {
        inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&storage)->sin6_addr, address, (socklen_t)address_length);
    }
    return fd;
}

// The one piece of process-wide state: a signal handler can reach nothing else.
static volatile sig_atomic_t termination_fd = -1;

static void termination_handler(int signal_number) {
    (void)signal_number;
    int saved = errno;
    if (termination_fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(termination_fd, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

int shim_install_termination_pipe(int write_fd) {
    termination_fd = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = termination_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    return 0;
}

int shim_restore_termination_signals(void) {
    termination_fd = -1;
    if (signal(SIGTERM, SIG_DFL) == SIG_ERR) return -1;
    if (signal(SIGINT, SIG_DFL) == SIG_ERR) return -1;
    return 0;
}
