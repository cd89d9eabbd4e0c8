-- wrk script: each request asks for the bench's path with a query parameter of its own, so the
-- portal cannot reuse a page (PageCache) and renders it every time.
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread", threads)
end

local count = 0

function request()
    count = count + 1
    return wrk.format(nil, wrk.path .. "&rendu=" .. thread .. "-" .. count)
end
