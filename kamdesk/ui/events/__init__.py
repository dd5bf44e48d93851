"""The Events screen (客户活动, 表3): events, their invitations and attendance."""
