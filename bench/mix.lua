-- wrk script: cycles through the reader pages listed in the file named by PATHS_FILE,
-- as the HTTPS proxy in front of gunicorn would pass them on.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local counter = 0

request = function()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, { ["Host"] = "127.0.0.1", ["X-Forwarded-Proto"] = "https" })
end
