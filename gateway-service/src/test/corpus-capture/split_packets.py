#!/usr/bin/env python3
"""Turns captured client streams into corpus files.

For each capture STREAMS/<n>-<label>.bin it writes to CORPUS:
  <label>.session             every byte the client sent, in order (CONNECT first)
  <label>.<i>-<TYPE>          packet i alone (reaches only the CONNECT barrier unless it is the CONNECT)
  <label>.connect+<i>-<TYPE>  the client's CONNECT followed by packet i (reaches the session stage)
Files with the same bytes as one already written are skipped.
"""
import os
import sys

TYPES = ["RESERVED", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP", "SUBSCRIBE",
         "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT", "AUTH"]


def packets(stream):
    i = 0
    while i < len(stream):
        start = i
        i += 1
        length, shift = 0, 0
        while True:
            byte = stream[i]
            i += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0:
                break
        i += length
        if i > len(stream):
            raise ValueError("truncated packet at offset %d" % start)
        yield stream[start:i]


def name(index, packet):
    kind = TYPES[packet[0] >> 4]
    if kind == "PUBLISH":
        kind += "-qos%d" % ((packet[0] >> 1) & 3)
    return "%02d-%s" % (index, kind)


def main():
    streams, corpus = sys.argv[1], sys.argv[2]
    os.makedirs(corpus, exist_ok=True)
    written = set()

    def write(file_name, data):
        if data in written:
            return
        written.add(data)
        with open(os.path.join(corpus, file_name), "wb") as out:
            out.write(data)

    for capture in sorted(f for f in os.listdir(streams) if f.endswith(".bin")):
        label = capture[3:-4]
        stream = open(os.path.join(streams, capture), "rb").read()
        if not stream:
            continue
        write(label + ".session", stream)
        split = list(packets(stream))
        connect = split[0]
        for index, packet in enumerate(split):
            write("%s.%s" % (label, name(index, packet)), packet)
            if index > 0:
                write("%s.connect+%s" % (label, name(index, packet)), connect + packet)
    print("%d corpus files in %s" % (len(written), corpus))


if __name__ == "__main__":
    main()
