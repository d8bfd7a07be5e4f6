"""The yearly round with the departments: what they receive and what comes back.

The Meldebogen form (`form`), the marked copies of their workbooks (`marked`, with its cover
and sheets, on a `rebuilt` copy where openpyxl cannot keep the original), the reminder mails
(`reminder`, `reminder_text`) and the Rücklaufliste (`ruecklauf`).
"""
