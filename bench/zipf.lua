-- wrk script: readers spread over the pages in PATHS_FILE by a Zipf law (the first line is
-- the most read), as the HTTPS proxy in front would pass them on, asking for compressed
-- pages as browsers do. Reports like report.lua (BENCH_LUA_DIR: the folder of both), the
-- page cache's hits and misses included.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local paths, cumulative = {}, {}
local exponent = tonumber(os.getenv("ZIPF_EXPONENT") or "1.0")

local function load()
  for line in io.lines(os.getenv("PATHS_FILE")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  local total = 0
  for rank = 1, #paths do
    total = total + 1 / rank ^ exponent
    cumulative[rank] = total
  end
  for rank = 1, #paths do cumulative[rank] = cumulative[rank] / total end
end

local function pick()
  local wanted, low, high = math.random(), 1, #paths
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < wanted then low = middle + 1 else high = middle end
  end
  return paths[low]
end

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  load()
end

request = function()
  return wrk.format("GET", pick(), {
    ["Host"] = "127.0.0.1",
    ["X-Forwarded-Proto"] = "https",
    ["Accept-Encoding"] = os.getenv("ACCEPT_ENCODING") or "gzip, deflate, br",
  })
end
