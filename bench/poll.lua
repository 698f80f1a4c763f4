-- wrk script: readers polling one live story as static/js/live.js does, each connection
-- with the ETag of the last answer it got in If-None-Match, so while nothing changed the
-- answer is a 304. Prints one JSON line like report.lua, with how many 200s and 304s.
local etag = nil
local threads = {}
fresh, unchanged = 0, 0

setup = function(thread)
  threads[#threads + 1] = thread
end

request = function()
  local headers = {
    ["Host"] = "127.0.0.1",
    ["X-Forwarded-Proto"] = "https",
    ["Accept-Encoding"] = "gzip, deflate, br",
  }
  if etag then headers["If-None-Match"] = etag end
  return wrk.format("GET", wrk.path, headers)
end

response = function(status, headers, body)
  if status == 200 then
    fresh = fresh + 1
    etag = headers["ETag"] or headers["Etag"] or etag
  elseif status == 304 then
    unchanged = unchanged + 1
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  local ok, not_modified = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("fresh")
    not_modified = not_modified + thread:get("unchanged")
  end
  io.write(string.format(
    '{"rps": %.1f, "errors": %d, "p50": %.2f, "p95": %.2f, "p99": %.2f, "requests": %d, '
      .. '"bytes": %d, "fresh": %d, "not_modified": %d}\n',
    summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.bytes, ok, not_modified))
end
