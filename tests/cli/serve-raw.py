#!/usr/bin/env python3
"""Sends one hostile request to `convoymap serve` over a raw socket and
prints what came back: the status code of the reply, or "closed" when the
server closed the connection without one.

  serve-raw.py PORT REQUEST [IDLE_TIMEOUT]

REQUEST is the request with \\r and \\n escapes, or one of:
  @url:N       a GET whose path is N bytes long
  @header:N    a GET with one header N bytes long
  @headers:N   a GET with N headers
  @slowloris   a request line and then one header byte a second, never
               ending; prints "closed" if the server drops it within
               IDLE_TIMEOUT + 5 seconds, "open" if not
  @dribble     a request line and then one header byte every half
               IDLE_TIMEOUT, so never idle that long; prints "closed" if
               the server drops it within 2 x IDLE_TIMEOUT (its limit on
               the time headers take) + 3 seconds, "open" if not
"""
import socket
import sys
import time


def status_of(sock):
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    except (ConnectionResetError, socket.timeout):
        pass
    if not data.startswith(b"HTTP/1."):
        return "closed"
    return data.split(b" ")[1].decode()


def main():
    port, spec = int(sys.argv[1]), sys.argv[2]
    idle = float(sys.argv[3]) if len(sys.argv) > 3 else 2
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    host = b"Host: 127.0.0.1\r\n"
    if spec.startswith("@url:"):
        request = b"GET /" + b"a" * int(spec[5:]) + b" HTTP/1.1\r\n" + host + b"\r\n"
    elif spec.startswith("@header:"):
        request = b"GET /health HTTP/1.1\r\n" + host + b"X-Big: " + b"b" * int(spec[8:]) + b"\r\n\r\n"
    elif spec.startswith("@headers:"):
        request = (b"GET /health HTTP/1.1\r\n" + host +
                   b"".join(b"X-H%d: v\r\n" % i for i in range(int(spec[9:]))) + b"\r\n")
    elif spec == "@slowloris":
        sock.sendall(b"GET /health HTTP/1.1\r\n" + host)
        deadline = time.monotonic() + idle + 5
        sock.settimeout(1)
        try:
            while time.monotonic() < deadline:
                sock.sendall(b"X-Slow: ")
                time.sleep(idle + 1)
                if sock.recv(4096) == b"":
                    print("closed")
                    return
        except (BrokenPipeError, ConnectionResetError):
            print("closed")
            return
        except socket.timeout:
            pass
        print("open")
        return
    elif spec == "@dribble":
        sock.sendall(b"GET /health HTTP/1.1\r\n" + host)
        deadline = time.monotonic() + 2 * idle + 3
        sock.settimeout(idle / 2)
        try:
            while time.monotonic() < deadline:
                sock.sendall(b"X")
                try:
                    if sock.recv(4096) == b"":
                        print("closed")
                        return
                except socket.timeout:
                    pass
        except (BrokenPipeError, ConnectionResetError):
            print("closed")
            return
        print("open")
        return
    else:
        request = spec.encode("latin-1").decode("unicode_escape").encode("latin-1")
    try:
        sock.sendall(request)
    except (BrokenPipeError, ConnectionResetError):
        pass
    print(status_of(sock))


main()
