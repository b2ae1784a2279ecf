#!/usr/bin/env bash
# Captures the seed corpus of MqttPipelineFuzzTest: real clients (Paho 3.1/3.1.1/5.0 and the
# mosquitto command-line clients) talk to Mosquitto (127.0.0.1:1883) through capture_proxy.py,
# which records every byte each client sent; split_packets.py then writes the corpus files.
# Run from anywhere: bash gateway-service/src/test/corpus-capture/capture.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
corpus="$module/src/test/resources/dev/ferrite/gateway/listener/MqttPipelineFuzzTestInputs/bytesFromAClient"
raw="$(mktemp -d)"
trap 'kill "$proxy" 2>/dev/null || true; rm -rf "$raw"' EXIT

python3 "$here/capture_proxy.py" "$raw/streams" > "$raw/port" &
proxy=$!
while [ ! -s "$raw/port" ]; do sleep 0.1; done
port="$(cat "$raw/port")"

paho="$HOME/.m2/repository/org/eclipse/paho"
classpath="$paho/org.eclipse.paho.client.mqttv3/1.2.5/org.eclipse.paho.client.mqttv3-1.2.5.jar"
classpath="$classpath:$paho/org.eclipse.paho.mqttv5.client/1.2.5/org.eclipse.paho.mqttv5.client-1.2.5.jar"

label() { echo "$1" > "$raw/streams/next-label"; }

label paho-v31;  java -cp "$classpath" "$here/PahoTraffic.java" "$port" v31
label paho-v311; java -cp "$classpath" "$here/PahoTraffic.java" "$port" v311
label paho-v5;   java -cp "$classpath" "$here/PahoTraffic.java" "$port" v5

label mosquitto-pub-v31-qos0
mosquitto_pub -p "$port" -V mqttv31 -i mp-31 -q 0 -t sensors/a/temp -m 20.1
label mosquitto-pub-v311-qos1-retain-will-userpass
mosquitto_pub -p "$port" -V mqttv311 -i mp-311 -q 1 -r -u device-9 -P pw \
    --will-topic devices/9/status --will-payload gone --will-qos 1 --will-retain -t sensors/b/temp -m 42
label mosquitto-pub-v5-qos2-properties
mosquitto_pub -p "$port" -V mqttv5 -i mp-5 -q 2 -x 60 \
    -D connect user-property site plant-1 -D connect receive-maximum 10 -D connect maximum-packet-size 4096 \
    -D will will-delay-interval 10 -D will content-type text/plain \
    --will-topic devices/5/status --will-payload bye \
    -D publish message-expiry-interval 30 -D publish content-type application/json \
    -D publish response-topic replies/5 -D publish correlation-data req-1 \
    -D publish payload-format-indicator 1 -D publish user-property unit kelvin \
    -t json/c -m '{"t":1}'
label mosquitto-pub-v5-repeat-qos1
mosquitto_pub -p "$port" -V mqttv5 -i mp-5r -q 1 --repeat 3 -t sensors/r/temp -m 7
label mosquitto-sub-v311-qos2-unsubscribe
mosquitto_sub -p "$port" -V mqttv311 -i ms-311 -q 2 -t alarms/# -t sensors/+/temp -U sensors/+/temp -E
label mosquitto-sub-v5-subscription-identifier
mosquitto_sub -p "$port" -V mqttv5 -i ms-5 -q 1 -t alarms/# -t '$share/g1/jobs/+' \
    -D subscribe subscription-identifier 9 -D subscribe user-property app capture \
    -D unsubscribe user-property why done -U alarms/# -E
label mosquitto-sub-v5-receive
mosquitto_sub -p "$port" -V mqttv5 -i ms-5c -q 2 -t capture/receive -C 1 -W 10 > /dev/null &
sub=$!
sleep 1
label mosquitto-pub-v5-to-subscriber
mosquitto_pub -p "$port" -V mqttv5 -i mp-5s -q 2 -t capture/receive -m ping
wait "$sub"
sleep 0.5

python3 "$here/split_packets.py" "$raw/streams" "$corpus"
