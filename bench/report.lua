-- wrk reporter: one JSON line with throughput, latency percentiles (ms), errors, the average
-- answer's bytes, and how the page cache answered (its X-Page-Cache header: hit, stale,
-- miss, or none for an answer it did not give). bench/zipf.lua reports the same way.
local threads = {}
hit, stale, miss, uncached = 0, 0, 0, 0

setup = function(thread)
  threads[#threads + 1] = thread
end

response = function(status, headers, body)
  local outcome = headers["X-Page-Cache"] or headers["x-page-cache"]
  if outcome == "hit" then
    hit = hit + 1
  elseif outcome == "stale" then
    stale = stale + 1
  elseif outcome == "miss" then
    miss = miss + 1
  else
    uncached = uncached + 1
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  local counts = { hit = 0, stale = 0, miss = 0, uncached = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(counts) do counts[name] = counts[name] + thread:get(name) end
  end
  io.write(string.format(
    '{"rps": %.1f, "errors": %d, "p50": %.2f, "p95": %.2f, "p99": %.2f, "requests": %d, '
      .. '"bytes": %d, "hit": %d, "stale": %d, "miss": %d, "uncached": %d}\n',
    summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    math.floor(summary.bytes / math.max(1, summary.requests)),
    counts.hit, counts.stale, counts.miss, counts.uncached))
end
