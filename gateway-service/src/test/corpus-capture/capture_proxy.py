#!/usr/bin/env python3
"""Records what MQTT clients send to a broker.

Listens on a free loopback port, forwards every connection to the upstream broker (Mosquitto
on 127.0.0.1:1883 by default) and back, and writes the bytes each client sent, unchanged, to
OUT_DIR/<n>-<label>.bin. The label of the next connection is read from OUT_DIR/next-label
when it is accepted, so a driver script can name each capture. Prints the port on stdout,
then runs until it is killed.
"""
import os
import socket
import sys
import threading


def pump(source, sink, record=None):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            if record is not None:
                record.write(data)
                record.flush()
            sink.sendall(data)
    except OSError:
        pass
    finally:
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def main():
    out_dir = sys.argv[1]
    upstream = (sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1", int(sys.argv[3]) if len(sys.argv) > 3 else 1883)
    os.makedirs(out_dir, exist_ok=True)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    print(server.getsockname()[1], flush=True)
    count = 0
    while True:
        client, _ = server.accept()
        count += 1
        label_file = os.path.join(out_dir, "next-label")
        label = open(label_file).read().strip() if os.path.exists(label_file) else "connection"
        record = open(os.path.join(out_dir, "%02d-%s.bin" % (count, label)), "wb")
        broker = socket.create_connection(upstream)
        threading.Thread(target=pump, args=(client, broker, record), daemon=True).start()
        threading.Thread(target=pump, args=(broker, client), daemon=True).start()


if __name__ == "__main__":
    main()
