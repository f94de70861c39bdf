"""An OTLP/HTTP endpoint that takes what an exporter sends and drops it (bench/run.sh with BENCH_TRACING=otlp): the
server pays for building, encoding and sending its spans as it would to a collector; the sink's own CPU is not the
server's. Usage: python3 bench/lib/otlp-sink.py PORT"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.exports += 1
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        # the count of exports received, for the benchmark's log
        body = str(self.server.exports).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink)
server.exports = 0
server.serve_forever()
