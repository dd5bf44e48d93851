from kamdesk.domain.file_size import readable_size


def test_readable_size():
    assert readable_size(None) == ""
    assert readable_size(0) == "0 B"
    assert readable_size(1023) == "1023 B"
    assert readable_size(1536) == "1.5 KB"
    assert readable_size(100 * 1024 * 1024) == "100 MB"
    assert readable_size(3_565_158) == "3.4 MB"
    assert readable_size(5 * 1024**5) == "5120 TB"
