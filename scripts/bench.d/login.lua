-- wrk script: POST /api/v1/token with the seeded master's credentials (env BENCH_LOGIN_BODY).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_LOGIN_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
