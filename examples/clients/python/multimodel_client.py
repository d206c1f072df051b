#!/usr/bin/env python3
"""A MultiModel client to copy: predictions over the native and the Open Inference routes, JSON or binary.

Needs only `requests` (and `botocore` for IAM). Three ways in, one per deployment:
  - the stack's REST API with an API key:   MultiModelClient(api_url, api_key="...")
  - the REST API with IAM auth:             MultiModelClient(api_url, sigv4=SigV4("execute-api", "eu-west-1"))
  - a function URL (AWS_IAM):               MultiModelClient(function_url, sigv4=SigV4("lambda", "eu-west-1"))
See docs/clients.md.
"""
import argparse
import json
import struct
import sys

import requests


class SigV4(requests.auth.AuthBase):
    """Signs each request with botocore's SigV4 signer, credentials from the default chain (env, profile, role)."""

    def __init__(self, service, region, credentials=None):
        import botocore.session  # only needed for IAM

        self.service = service
        self.region = region
        self.credentials = credentials or botocore.session.get_session().get_credentials()
        if self.credentials is None:
            raise RuntimeError("no AWS credentials found (AWS_ACCESS_KEY_ID, a profile, or a role)")

    def __call__(self, request):
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest

        # Sign exactly what is sent: method, URL, body, and the content type.
        headers = {"Content-Type": request.headers["Content-Type"]} if "Content-Type" in request.headers else {}
        signed = AWSRequest(method=request.method, url=request.url, data=request.body or b"", headers=headers)
        SigV4Auth(self.credentials.get_frozen_credentials(), self.service, self.region).add_auth(signed)
        request.headers.update(dict(signed.headers.items()))
        return request


class MultiModelClient:
    def __init__(self, base_url, api_key=None, sigv4=None, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.auth = sigv4
        if api_key:
            self.session.headers["x-api-key"] = api_key  # the REST API's usage plan key
        self.timeout = timeout
        self.last_authorization = None  # the SigV4 header of the last JSON call, to see what was signed

    def predict(self, model, inputs, outputs=None, version=None):
        """Native route: inputs by name, each a nested list, a scalar, or {"shape": [...], "data": [...]}."""
        path = f"/models/{model}" + (f"/versions/{version}" if version else "") + "/predict"
        body = {"inputs": inputs} | ({"outputs": outputs} if outputs else {})
        return self._post_json(path, body)

    def infer(self, model, inputs, outputs=None, version=None):
        """Open Inference (KServe V2) as JSON: inputs = [{"name", "shape", "datatype", "data"}]."""
        body = {"inputs": inputs} | ({"outputs": [{"name": name} for name in outputs]} if outputs else {})
        return self._post_json(self._infer_path(model, version), body)

    def infer_binary_fp32(self, model, name, shape, values, output, version=None):
        """Open Inference with Triton's binary tensor data extension both ways: float32 in, `output` back as float32.

        Sent as application/octet-stream, which the REST API passes through as binary; asking for a binary answer
        needs Accept: application/octet-stream too, or the gateway hands back base64 text.
        """
        tensor = struct.pack(f"<{len(values)}f", *values)
        header = json.dumps({
            "inputs": [{"name": name, "shape": shape, "datatype": "FP32", "parameters": {"binary_data_size": len(tensor)}}],
            "outputs": [{"name": output, "parameters": {"binary_data": True}}],
        }).encode()
        response = self.session.post(
            self.base_url + self._infer_path(model, version), data=header + tensor, timeout=self.timeout,
            headers={"Content-Type": "application/octet-stream", "Accept": "application/octet-stream",
                     "Inference-Header-Content-Length": str(len(header))})
        _raise_for_problem(response)
        json_length = int(response.headers["Inference-Header-Content-Length"])
        answer = json.loads(response.content[:json_length])
        offset = json_length
        for out in answer["outputs"]:  # binary outputs follow the JSON in the order listed
            size = out["parameters"]["binary_data_size"]
            out["data"] = list(struct.unpack(f"<{size // 4}f", response.content[offset:offset + size]))
            offset += size
        return answer

    @staticmethod
    def _infer_path(model, version):
        return f"/v2/models/{model}" + (f"/versions/{version}" if version else "") + "/infer"

    def _post_json(self, path, body):
        response = self.session.post(self.base_url + path, json=body, timeout=self.timeout)
        self.last_authorization = response.request.headers.get("Authorization")
        _raise_for_problem(response)
        return response.json()


def _raise_for_problem(response):
    """Errors are ProblemDetails (the gateway's own refusals too): show the detail, which says what to change."""
    if response.status_code >= 400:
        try:
            problem = response.json()
            message = problem.get("detail") or problem.get("error") or problem.get("message") or response.text
        except ValueError:
            message = response.text
        raise requests.HTTPError(f"{response.status_code}: {message}", response=response)


def main():
    parser = argparse.ArgumentParser(description="Predict with the iris sample model over each route.")
    parser.add_argument("url", help="the ApiUrl output, a function URL, or http://localhost:5000")
    parser.add_argument("--api-key", help="a client's API key (x-api-key)")
    parser.add_argument("--sigv4", metavar="SERVICE", choices=["execute-api", "lambda"], help="sign for the REST API's IAM auth or a function URL")
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()

    client = MultiModelClient(args.url, api_key=args.api_key, sigv4=SigV4(args.sigv4, args.region) if args.sigv4 else None)
    rows = [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]
    native = client.predict("iris", {"features": rows})
    print("native:", json.dumps([p["label"] for p in native["predictions"]]))
    if client.last_authorization:
        print("signed:", client.last_authorization.split(", Signature=")[0])
    oi = client.infer("iris", [{"name": "features", "shape": [2, 4], "datatype": "FP32", "data": sum(rows, [])}], outputs=["Score.output"])
    print("open-inference:", json.dumps(oi["outputs"][0]["data"]))
    binary = client.infer_binary_fp32("iris", "features", [2, 4], sum(rows, []), "Score.output")
    print("open-inference-binary:", json.dumps(binary["outputs"][0]["data"]))
    try:
        client.predict("iris", {"petals": rows})
    except requests.HTTPError as error:
        print("error:", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
