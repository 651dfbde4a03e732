#include <sys/epoll.h>
#include <sys/eventfd.h>
// epoll(7) and eventfd(2), which Glibc does not export: the I/O loops watch their sockets through one epoll set
// each, and an eventfd tells a loop's waiter thread to stop.
